package id.sorot.base.duckdb;

import id.sorot.base.SorotProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the store named by {@code sorot.store} for the application's lifetime. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    Store store(SorotProperties properties) {
        return Store.open(properties.storeFile());
    }
}
