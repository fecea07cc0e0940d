package dev.relaydesk.portal.login;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.portal.testing.LoginPageGatewayStub;
import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's "log in" links: to Keycloak's login as before, or, when the admin's login provider names the company's
 * own login page, there, with the portal address to come back to. A gateway that is down or slow never keeps a
 * client from logging in; the return address is always the portal's own.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(LoginPageGatewayStub.class)
class LoginLinksTest {

    @ConfigProperty(name = "relaydesk.portal.public-url")
    String publicUrl;

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void noLoginPage() {
        LoginPageGatewayStub.answer = "{\"loginUrl\":null}";
        LoginPageGatewayStub.status = 200;
        LoginPageGatewayStub.delay = Duration.ZERO;
    }

    @Test
    void withoutACompanyLoginPageClientsLogInAtKeycloak() {
        given().get("/signed-out").then().statusCode(200).body(containsString("href=\"/login?then=/my/tickets\""));

        String page = given().redirects().follow(false).get("/login?then=/my/tickets").then().statusCode(303)
                .extract().header("Location");
        assertEquals("/my/tickets", URI.create(page).getPath());
        String keycloak = given().redirects().follow(false).get("/my/tickets").then().statusCode(302).extract().header("Location");
        assertTrue(keycloak.contains("/realms/relaydesk/protocol/openid-connect/auth"), keycloak);
    }

    @Test
    void withACompanyLoginPageClientsGoThereWithTheWayBack() {
        LoginPageGatewayStub.answer = "{\"loginUrl\":\"" + LoginPageGatewayStub.companyLoginPage() + "\"}";

        assertEquals(LoginPageGatewayStub.companyLoginPage() + "&return_url="
                + URLEncoder.encode(publicUrl + "/my/tickets", StandardCharsets.UTF_8), login("/my/tickets"));
        // Only the portal's own pages are a way back: never another site.
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/my", "/my/../../admin", "/signed-out",
                "/my/tickets\"><script>"}) {
            assertTrue(login(elsewhere).endsWith("return_url=" + URLEncoder.encode(publicUrl + "/my/tickets",
                    StandardCharsets.UTF_8)), elsewhere);
        }
    }

    @Test
    void aGatewayThatIsDownSlowOrWrongSendsClientsToKeycloak() {
        LoginPageGatewayStub.status = 500;
        assertEquals("/my/tickets", URI.create(login("/my/tickets")).getPath());

        LoginPageGatewayStub.status = 200;
        LoginPageGatewayStub.answer = "{\"loginUrl\":\"javascript:alert(1)\"}";
        assertEquals("/my/tickets", URI.create(login("/my/tickets")).getPath());

        LoginPageGatewayStub.answer = "{\"loginUrl\":\"" + LoginPageGatewayStub.companyLoginPage() + "\"}";
        LoginPageGatewayStub.delay = Duration.ofSeconds(3);
        long start = System.nanoTime();
        assertEquals("/my/tickets", URI.create(login("/my/tickets")).getPath());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_500, "the client waits a second at most, not 3");
    }

    /** As a person in headless Chromium: from the logged-out page to the company's login page and back. */
    @Test
    void aClientFollowsTheLinkToTheCompanysLoginPageAndComesBack() {
        LoginPageGatewayStub.answer = "{\"loginUrl\":\"" + LoginPageGatewayStub.companyLoginPage() + "\"}";
        ChromeDriver browser = Browser.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(base() + "/signed-out");
            browser.findElement(By.linkText("Log in again")).click();
            wait.until(ExpectedConditions.titleIs("Acme sign-in"));
            String query = browser.findElement(By.id("query")).getText();
            assertTrue(query.startsWith("tenant=acme&return_url="), query);
            String back = URLDecoder.decode(query.substring(query.indexOf("return_url=") + "return_url=".length()),
                    StandardCharsets.UTF_8);
            assertEquals(publicUrl + "/my/tickets", back);
            Browser.screenshot(browser, "company-login-page");

            // The company's page sends the client back to that portal page (here: this test's portal), and from there
            // to Keycloak's login, since the company's page gave the portal no session of its own.
            browser.get(base() + back.substring(publicUrl.length()));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertTrue(browser.getCurrentUrl().contains("/realms/relaydesk/"), browser.getCurrentUrl());
        } finally {
            browser.quit();
        }
    }

    /** Keycloak's relaydesk-portal client accepts redirects to 127.0.0.1 on any port (the test's port). */
    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private String login(String then) {
        return given().redirects().follow(false).queryParam("then", then).get("/login").then().statusCode(303)
                .extract().header("Location");
    }
}
