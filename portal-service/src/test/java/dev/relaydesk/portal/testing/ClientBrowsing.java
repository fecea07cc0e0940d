package dev.relaydesk.portal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the portal's browser tests check the way a client would see it. */
public final class ClientBrowsing {

    private ClientBrowsing() {
    }

    /** Looks again, as a client would, until the change has arrived (it travels through ticket events). */
    public static void showsSoon(WebDriverWait wait, String page, By where, String text) {
        wait.pollingEvery(Duration.ofSeconds(1)).ignoring(StaleElementReferenceException.class).until(driver -> {
            boolean shown = driver.findElements(where).stream().anyMatch(e -> e.getText().contains(text));
            if (!shown) {
                driver.get(page);
            }
            return shown;
        });
    }

    public static void assertFitsTheScreen(WebDriver browser) {
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow.longValue(), "nothing sticks out sideways at a phone's width");
    }
}
