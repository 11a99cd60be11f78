package id.sorot;

import id.sorot.base.SorotProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Sorot's entry point: the web application. */
@SpringBootApplication
@EnableConfigurationProperties(SorotProperties.class)
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
