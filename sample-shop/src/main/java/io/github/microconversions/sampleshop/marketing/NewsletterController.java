package io.github.microconversions.sampleshop.marketing;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Newsletter signups, in memory.
 */
@Controller
class NewsletterController {

	private final Set<String> subscribers = ConcurrentHashMap.newKeySet();

	@PostMapping("/newsletter")
	@NewsletterSignup
	public ModelAndView subscribe(@RequestParam String email) {
		boolean added = this.subscribers.add(email.trim().toLowerCase(Locale.ROOT));
		ModelAndView page = new ModelAndView("newsletter", "alreadySubscribed", !added);
		page.setStatus(added ? HttpStatus.CREATED : HttpStatus.OK);
		return page;
	}

}
