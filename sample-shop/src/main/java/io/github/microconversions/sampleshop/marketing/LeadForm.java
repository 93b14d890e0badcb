package io.github.microconversions.sampleshop.marketing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The contact form of a prospective business customer.
 */
public class LeadForm {

	@NotBlank
	@Size(max = 100)
	private String name = "";

	@NotBlank
	@Email
	private String email = "";

	@Size(max = 1000)
	private String message = "";

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = message;
	}

}
