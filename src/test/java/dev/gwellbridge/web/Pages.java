package dev.gwellbridge.web;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Small reads and writes on the page in a browser test. */
public final class Pages {
    private Pages() {}

    /** The trimmed text of the first element matching the selector, or empty when there is none. */
    public static String text(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    /** Replaces the value of the form field with that name. */
    public static void type(WebDriver driver, String name, String value) {
        WebElement input = driver.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    public static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Where the live view's video element is, in seconds. */
    public static double liveViewTime(WebDriver driver) {
        Object t = js(driver, "return document.getElementById('live-video').currentTime;");
        return ((Number) t).doubleValue();
    }
}
