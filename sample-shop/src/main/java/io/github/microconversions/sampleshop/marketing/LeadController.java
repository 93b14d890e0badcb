package io.github.microconversions.sampleshop.marketing;

import io.github.microconversions.MacroConversion;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The contact form: a lead, counted only when the form is valid.
 */
@Controller
class LeadController {

	@GetMapping("/contact")
	String contact(Model model) {
		model.addAttribute("lead", new LeadForm());
		return "contact";
	}

	// Errors in the BindingResult make the call rejected, not a lead.
	@PostMapping("/leads")
	@MacroConversion("lead")
	public String submit(@Valid @ModelAttribute("lead") LeadForm lead, BindingResult bindingResult) {
		return bindingResult.hasErrors() ? "contact" : "lead-thanks";
	}

}
