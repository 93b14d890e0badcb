package io.github.microconversions.visitor;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultChannelClassifier} on real-world landing requests.
 */
class DefaultChannelClassifierTests {

	private final DefaultChannelClassifier classifier = new DefaultChannelClassifier();

	@ParameterizedTest(name = "{0} from {1} -> {2}")
	@CsvSource(nullValues = "-", delimiter = '|', textBlock = """
			-                                                   | -                                              | direct
			-                                                   | ''                                             | direct
			-                                                   | https://www.google.com/                        | organic-search
			-                                                   | https://www.google.co.uk/search?q=shoes        | organic-search
			-                                                   | https://www.bing.com/search?q=shoes            | organic-search
			-                                                   | https://duckduckgo.com/                        | organic-search
			-                                                   | https://search.yahoo.co.jp/search?p=x          | organic-search
			-                                                   | https://yandex.ru/search/?text=x               | organic-search
			-                                                   | https://www.ecosia.org/search?q=x              | organic-search
			-                                                   | android-app://com.google.android.googlequicksearchbox/ | organic-search
			-                                                   | https://l.facebook.com/l.php?u=x               | social
			-                                                   | https://www.instagram.com/                     | social
			-                                                   | https://t.co/abc123                            | social
			-                                                   | https://www.linkedin.com/feed/                 | social
			-                                                   | https://www.pinterest.de/pin/1/                | social
			-                                                   | https://old.reddit.com/r/java/                 | social
			-                                                   | https://news.ycombinator.com/item?id=1         | social
			-                                                   | https://m.youtube.com/watch?v=x                | social
			-                                                   | https://mail.google.com/mail/u/0/              | email
			-                                                   | android-app://com.google.android.gm/           | email
			-                                                   | https://outlook.live.com/mail/0/               | email
			-                                                   | https://webmail.example.net/                   | email
			-                                                   | https://blog.example.org/review                | referral
			-                                                   | https://user:pw@partner.example.com:8443/a     | referral
			-                                                   | https://notgoogle.com/                         | referral
			-                                                   | https://shop.example.com/cart                  | -
			-                                                   | http://www.shop.example.com/                   | -
			-                                                   | not a url                                      | direct
			gclid=EAIaIQobChMI                                  | https://www.google.com/                        | paid
			gbraid=0AAAAAD                                      | -                                              | paid
			msclkid=abc                                         | https://www.bing.com/                          | paid
			fbclid=IwAR2                                        | https://l.facebook.com/                        | social
			fbclid=IwAR2&gclid=x                                | -                                              | paid
			utm_source=google&utm_medium=cpc                    | https://www.google.com/                        | paid
			utm_source=facebook&utm_medium=paid_social          | -                                              | paid
			utm_source=newsletter&utm_medium=email              | https://mail.google.com/                       | email
			utm_source=mailchimp&utm_medium=E-Mail              | -                                              | email
			utm_source=twitter&utm_medium=social                | -                                              | social
			utm_source=partner&utm_medium=affiliate             | -                                              | referral
			utm_medium=organic                                  | -                                              | organic-search
			utm_source=spring&utm_campaign=black-friday         | -                                              | campaign
			utm_source=podcast&utm_medium=audio                 | -                                              | campaign
			UTM_MEDIUM=CPC                                      | -                                              | paid
			utm_medium=%63%70%63                                | -                                              | paid
			utm_medium=%E0%A4%A                                 | -                                              | campaign
			q=shoes&page=2                                      | -                                              | direct
			""")
	void classifiesTheFirstRequestOfAVisit(@Nullable String query, @Nullable String referer, @Nullable String channel) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setServerName("shop.example.com");
		request.setQueryString(query);
		if (referer != null) {
			request.addHeader("Referer", referer);
		}
		Channel classified = this.classifier.classify(request);
		assertThat((classified != null) ? classified.tagValue() : null).isEqualTo(channel);
	}

}
