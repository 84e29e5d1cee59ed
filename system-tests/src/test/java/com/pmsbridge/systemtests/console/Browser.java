package com.pmsbridge.systemtests.console;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.pmsbridge.systemtests.RunningSystem;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console tests do in a page: sign in through Keycloak's own form, check accessibility, take pictures. */
final class Browser {
    private Browser() {}

    /** Opens the console and signs in on Keycloak's login form; demo users' passwords are their names. */
    static void signIn(Page page, String user) {
        page.navigate(RunningSystem.gateway() + "/console");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL("**/console/queue**");
    }

    /** axe-core on the page as it stands: no serious or critical violation of WCAG 2 A/AA. */
    static void assertAccessible(Page page) {
        List<Rule> violations = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze()
                .getViolations();
        assertThat(violations.stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp() + " "
                                + v.getNodes().size() + " node(s)"))
                .as("serious or critical axe-core violations on " + page.url())
                .isEmpty();
    }

    /** Saves the page at desktop and tablet width under pms.console.screenshots (the docs keep a copy). */
    static void screenshots(Page page, String name) {
        Path dir = Path.of(System.getProperty("pms.console.screenshots", "target/console-screenshots"));
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve(name + "-desktop.png"))
                .setFullPage(true));
        page.setViewportSize(820, 1180);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve(name + "-tablet.png"))
                .setFullPage(true));
        page.setViewportSize(1280, 900);
    }
}
