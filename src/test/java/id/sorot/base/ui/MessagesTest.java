package id.sorot.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages have every message: nothing falls back to a key on screen. */
class MessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void indonesian_and_english_bundles_have_the_same_keys() throws Exception {
        Properties id = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(id.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
    }
}
