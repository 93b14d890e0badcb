package io.github.microconversions.journey;

import io.github.microconversions.funnel.FunnelStep;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;

/**
 * A visitor's current attempt at each funnel: how many steps it reached and when it started.
 * An attempt starts with step 1 and ends at the last step or when the window runs out; only
 * the next step in order advances it, so each step counts once per attempt.
 */
final class FunnelProgress {

	private final byte[] reached;

	private final int[] startSeconds;

	FunnelProgress(int funnels) {
		this.reached = new byte[funnels];
		this.startSeconds = new int[funnels];
	}

	void advance(FunnelStep[] steps, Funnels funnels, Channel channel, long nowSeconds) {
		for (FunnelStep step : steps) {
			int funnel = step.funnel();
			expireIfOver(funnel, funnels, nowSeconds);
			if (step.step() == 0) {
				if (this.reached[funnel] == 0) {
					this.reached[funnel] = 1;
					this.startSeconds[funnel] = (int) nowSeconds;
					funnels.stepReached(step, channel);
				}
			}
			else if (step.step() == this.reached[funnel]) {
				this.reached[funnel]++;
				funnels.stepReached(step, channel);
				if (this.reached[funnel] == funnels.get(funnel).size()) {
					funnels.completed(funnel, nowSeconds - this.startSeconds[funnel]);
					this.reached[funnel] = 0;
				}
			}
		}
	}

	boolean hasExpired(Funnels funnels, long nowSeconds) {
		for (int funnel = 0; funnel < this.reached.length; funnel++) {
			if (isOver(funnel, funnels, nowSeconds)) {
				return true;
			}
		}
		return false;
	}

	void expire(Funnels funnels, long nowSeconds) {
		for (int funnel = 0; funnel < this.reached.length; funnel++) {
			expireIfOver(funnel, funnels, nowSeconds);
		}
	}

	void abandonAll(Funnels funnels) {
		for (int funnel = 0; funnel < this.reached.length; funnel++) {
			if (this.reached[funnel] > 0) {
				funnels.abandoned(funnel, this.reached[funnel] - 1);
				this.reached[funnel] = 0;
			}
		}
	}

	private void expireIfOver(int funnel, Funnels funnels, long nowSeconds) {
		if (isOver(funnel, funnels, nowSeconds)) {
			funnels.abandoned(funnel, this.reached[funnel] - 1);
			this.reached[funnel] = 0;
		}
	}

	private boolean isOver(int funnel, Funnels funnels, long nowSeconds) {
		return this.reached[funnel] > 0
				&& nowSeconds - this.startSeconds[funnel] > funnels.get(funnel).window().toSeconds();
	}

}
