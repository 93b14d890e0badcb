package io.github.microconversions.sampleshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small web shop whose controllers record micro and macro conversions.
 */
@SpringBootApplication
public class SampleShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleShopApplication.class, args);
	}

}
