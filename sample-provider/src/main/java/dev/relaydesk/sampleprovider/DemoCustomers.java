package dev.relaydesk.sampleprovider;

import java.time.LocalDate;

/**
 * Made-up facts about a client, the same every time for the same email, as a shop or licence system would
 * have them: what the gateway's user-information contract (v1) expects, a few titled sections of labelled items.
 */
final class DemoCustomers {

    private static final String[] PRODUCTS = {"Relay Desk Team", "Relay Desk Business", "Mail connector", "SMS pack 1000",
            "Extra storage 50 GB", "Priority support"};
    private static final String[] PLANS = {"Team (10 seats)", "Business (25 seats)", "Enterprise (100 seats)"};

    private DemoCustomers() {
    }

    /** The user-information answer for a client; nothing of the request is echoed, so nothing needs escaping. */
    static String about(String email) {
        int seed = seed(email);
        String customerId = customerId(seed);
        LocalDate lastOrder = LocalDate.of(2026, 1 + seed % 11, 1 + seed % 27);
        StringBuilder purchases = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String order = (10 + (seed + i) % 89) + "-" + (4000 + (seed * 7 + i * 131) % 5000);
            if (i > 0) {
                purchases.append(',');
            }
            purchases.append(item("Order " + order, PRODUCTS[(seed + i) % PRODUCTS.length] + ", " + lastOrder.minusDays(37L * i),
                    "https://shop.example.com/orders/" + order));
        }
        return "{\"sections\":["
                + section("Recent purchases", purchases.toString()) + ","
                + section("Licences", item("Plan", PLANS[seed % PLANS.length], null) + ","
                        + item("Renews", lastOrder.plusYears(1).toString(), null)) + ","
                + section("Account", item("Customer id", customerId, "https://crm.example.com/customers/" + customerId) + ","
                        + item("Customer since", Integer.toString(2015 + seed % 11), null))
                + "]}";
    }

    /** The custom-fields answer (contract custom-fields/v1) for a client: their customer id and plan. */
    static String fields(String email) {
        int seed = seed(email);
        return "{\"fields\":["
                + "{\"name\":\"customerId\",\"label\":\"Customer id\",\"type\":\"text\",\"value\":\"" + customerId(seed) + "\"},"
                + "{\"name\":\"plan\",\"label\":\"Plan\",\"type\":\"text\",\"value\":\"" + PLANS[seed % PLANS.length] + "\"}]}";
    }

    private static int seed(String email) {
        return Math.abs(email == null ? 0 : email.toLowerCase(java.util.Locale.ROOT).hashCode() % 100_000);
    }

    private static String customerId(int seed) {
        return "C-" + (1000 + seed % 9000);
    }

    private static String section(String title, String items) {
        return "{\"title\":\"" + title + "\",\"items\":[" + items + "]}";
    }

    private static String item(String label, String value, String url) {
        return "{\"label\":\"" + label + "\",\"value\":\"" + value + "\"" + (url == null ? "" : ",\"url\":\"" + url + "\"") + "}";
    }
}
