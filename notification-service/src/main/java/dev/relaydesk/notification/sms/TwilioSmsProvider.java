package dev.relaydesk.notification.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Twilio-style REST call: {@code POST <base-url>/2010-04-01/Accounts/<account>/Messages.json}, Basic auth with
 * the account and token, form fields From, To and Body. 2xx is sent; 429 and 5xx (or no answer) are worth a
 * retry; any other answer is a refusal.
 */
class TwilioSmsProvider implements SmsProvider {

    private static final int MAX_ANSWER = 500;

    private final HttpClient http;
    private final URI messages;
    private final String authorization;
    private final String from;
    private final Duration timeout;

    TwilioSmsProvider(String baseUrl, String account, String token, String from, Duration timeout) {
        this.messages = URI.create(baseUrl.replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + URLEncoder.encode(account, StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String send(String to, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", from);
        form.put("To", to);
        form.put("Body", text);
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsUnavailableException("No answer from the SMS provider: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsUnavailableException("Interrupted while sending the SMS", e);
        }
        String answer = "HTTP " + response.statusCode() + " " + shorten(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return answer;
        }
        if (status == 429 || status >= 500) {
            throw new SmsUnavailableException(answer);
        }
        throw new SmsRefusedException(answer);
    }

    private static String shorten(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ANSWER ? oneLine : oneLine.substring(0, MAX_ANSWER) + "...";
    }
}
