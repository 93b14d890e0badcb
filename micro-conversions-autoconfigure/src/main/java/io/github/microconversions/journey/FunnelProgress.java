package io.github.microconversions.journey;

import io.github.microconversions.funnel.FunnelStep;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;

/**
 * A visitor's current attempt at each funnel: how many steps it reached and when it started.
 * An attempt starts with step 1 and ends at the last step or when the window runs out; only
 * the next step in order advances it, so each step counts once per attempt.
 * <p>
 * Each attempt is one {@code long} of the journey's array (start in epoch seconds, shifted, and
 * the steps reached in the low byte) rather than an object: a held visitor stays small.
 */
final class FunnelProgress {

	private FunnelProgress() {
	}

	static void advance(long[] attempts, FunnelStep[] steps, Funnels funnels, Channel channel, long nowSeconds) {
		for (FunnelStep step : steps) {
			int funnel = step.funnel();
			expireIfOver(attempts, funnel, funnels, nowSeconds);
			int reached = reached(attempts[funnel]);
			if (step.step() == 0) {
				if (reached == 0) {
					attempts[funnel] = attempt(nowSeconds, 1);
					funnels.stepReached(step, channel);
				}
			}
			else if (step.step() == reached) {
				funnels.stepReached(step, channel);
				if (reached + 1 == funnels.get(funnel).size()) {
					funnels.completed(funnel, nowSeconds - startSeconds(attempts[funnel]));
					attempts[funnel] = 0;
				}
				else {
					attempts[funnel] = attempt(startSeconds(attempts[funnel]), reached + 1);
				}
			}
		}
	}

	static void expire(long[] attempts, Funnels funnels, long nowSeconds) {
		for (int funnel = 0; funnel < attempts.length; funnel++) {
			expireIfOver(attempts, funnel, funnels, nowSeconds);
		}
	}

	static void abandonAll(long[] attempts, Funnels funnels) {
		for (int funnel = 0; funnel < attempts.length; funnel++) {
			if (reached(attempts[funnel]) > 0) {
				funnels.abandoned(funnel, reached(attempts[funnel]) - 1);
				attempts[funnel] = 0;
			}
		}
	}

	private static void expireIfOver(long[] attempts, int funnel, Funnels funnels, long nowSeconds) {
		if (isOver(attempts, funnel, funnels, nowSeconds)) {
			funnels.abandoned(funnel, reached(attempts[funnel]) - 1);
			attempts[funnel] = 0;
		}
	}

	private static boolean isOver(long[] attempts, int funnel, Funnels funnels, long nowSeconds) {
		return reached(attempts[funnel]) > 0
				&& nowSeconds - startSeconds(attempts[funnel]) > funnels.get(funnel).window().toSeconds();
	}

	private static long attempt(long startSeconds, int reached) {
		return (startSeconds << 8) | reached;
	}

	private static int reached(long attempt) {
		return (int) (attempt & 0xFF);
	}

	private static long startSeconds(long attempt) {
		return attempt >>> 8;
	}

}
