package io.github.microconversions.sampleshop.marketing;

import java.util.concurrent.CompletableFuture;

import io.github.microconversions.MicroConversion;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The whitepaper page and its download, served asynchronously: the conversion counts when the
 * download completes, not when the method returns.
 */
@Controller
class WhitepaperController {

	@GetMapping("/whitepaper")
	String whitepaper() {
		return "whitepaper";
	}

	@GetMapping("/whitepaper/download")
	@MicroConversion("whitepaper-download")
	public CompletableFuture<ResponseEntity<String>> download() {
		return CompletableFuture.supplyAsync(() -> ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"server-side-conversions.txt\"")
			.contentType(MediaType.TEXT_PLAIN)
			.body("Server-side conversion tracking: what every ad blocker cannot hide.\n"));
	}

}
