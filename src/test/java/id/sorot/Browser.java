package id.sorot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded browser), with
 * the flags that keep it off the network. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;
    private String username;
    private String password;

    public Browser(int width, int height) throws IOException {
        String chromium = System.getenv().getOrDefault("SOROT_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("SOROT_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (" + chromium
                    + ", " + chromedriver + "); ./sorot test installs them");
        }
        profile = Files.createTempDirectory("sorot-chromium-");
        downloads = Files.createTempDirectory("sorot-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "profile.default_content_setting_values.automatic_downloads",
                        1));
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=id-ID");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /**
     * Waits for the browser to finish saving {@code fileName} (a real download, through the
     * browser's own download manager) and returns it, moved aside so the next one is fresh.
     */
    public Path download(String fileName) throws IOException {
        Path file = downloads.resolve(fileName);
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            try (var files = Files.list(downloads)) {
                return Files.exists(file) && files.noneMatch(f -> f.toString().endsWith(".crdownload"));
            } catch (IOException e) {
                return false;
            }
        });
        Path taken = Files.createTempDirectory("sorot-downloaded-").resolve(fileName);
        Files.move(file, taken);
        return taken;
    }

    /** The one download whose name starts and ends so (a name that carries the time it was made). */
    public Path downloadStartingWith(String prefix, String suffix) throws IOException {
        String[] found = new String[1];
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            try (var files = Files.list(downloads)) {
                found[0] = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.startsWith(prefix) && n.endsWith(suffix))
                        .findFirst()
                        .orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        return download(found[0]);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Who this browser signs in as when a page sends it to the sign-in page. */
    public Browser signInAs(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /**
     * Opens a page and waits until the element {@code readyId} is there and Vaadin has no request in
     * flight. When Sorot asks for a sign-in first, signs in as {@link #signInAs} says, as a person
     * would (typing into the form), and Sorot sends the browser on to the page.
     */
    public void open(String url, String readyId) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js(
                        "return !!document.getElementById(arguments[0]) || !!document.getElementById('sign-in-form');",
                        readyId)));
        if (!readyId.startsWith("sign-in")
                && Boolean.TRUE.equals(js("return !!document.getElementById('sign-in-form');"))) {
            if (username == null) throw new IllegalStateException(url + " asks for a sign-in: call signInAs first");
            signIn(username, password);
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> Boolean.TRUE.equals(js("return !!document.getElementById(arguments[0]);", readyId)));
        }
        settle();
    }

    /** Types a user name and password into the sign-in page now open, and sends it with Enter. */
    public void signIn(String username, String password) {
        settle();
        WebElement name = driver.findElement(By.cssSelector("#sign-in-form vaadin-text-field[name='username'] input"));
        WebElement secret =
                driver.findElement(By.cssSelector("#sign-in-form vaadin-password-field[name='password'] input"));
        name.clear();
        name.sendKeys(username);
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
        // the form posts natively: wait for the page it leads to (the target, or the sign-in page with ?error)
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"))
                        && (!d.getCurrentUrl().contains("/masuk")
                                || d.getCurrentUrl().contains("error")));
    }

    public void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(
                        js("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive()))")));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Every visible row of a vaadin-grid, as the text in each cell, top to bottom. */
    @SuppressWarnings("unchecked")
    public List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) js(
                "const g = document.getElementById(arguments[0]);"
                        + "return [...g.shadowRoot.querySelectorAll('#items tr')].filter(tr => !tr.hidden && tr.offsetParent)"
                        + ".map(tr => [...tr.querySelectorAll('td')].map(td => { const s = td.querySelector('slot');"
                        + " const n = s && s.assignedElements()[0]; return n ? n.textContent.trim() : ''; }));",
                gridId);
    }

    /** The page's address now (after in-app navigation too). */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until {@code condition} (a JS expression) is true, then for Vaadin to settle. */
    public void waitUntil(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");")));
        settle();
    }

    /** Clicks the link with this text inside the element {@code id}, and waits for the view {@code readyId}. */
    public void clickLink(String id, String text, String readyId) {
        js(
                "const a = [...document.getElementById(arguments[0]).querySelectorAll('a')]"
                        + ".find(a => a.textContent.trim() === arguments[1]); a.scrollIntoView(); a.click();",
                id,
                text);
        waitUntil("document.getElementById('" + readyId + "')");
    }

    /** Sets a Vaadin field's value as a user would (the server sees it as coming from the client). */
    public void setValue(String id, String value) {
        js(
                "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                        + " f.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                id,
                value);
        settle();
    }

    /** Evaluates {@code expression} over the ECharts option {@code o} of the chart {@code id}. */
    public Object chart(String id, String expression) {
        return js("const o = document.getElementById(arguments[0]).chart.getOption(); return " + expression + ";", id);
    }

    /** All text inside the element {@code id}, its shadow roots' included (where web components keep theirs). */
    public String deepText(String id) {
        return (String) js(
                "const t = n => (n.shadowRoot ? [...n.shadowRoot.childNodes].map(t).join(' ') : '')"
                        + " + [...n.childNodes].map(c => c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? t(c) : '')"
                        + ".join(' ');"
                        + " const e = document.getElementById(arguments[0]); return e ? t(e).replace(/\\s+/g, ' ') : null;",
                id);
    }

    public String text(String id) {
        return (String) js("const e = document.getElementById(arguments[0]); return e ? e.innerText : null;", id);
    }

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
