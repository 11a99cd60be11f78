package id.sorot.etl;

import id.sorot.base.SorotProperties;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.base.yaml.YamlNode;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills a new, empty store with the sample data listed in {@code etl/samples/manifest.yml}, through
 * the same ETL path as any upload. A sample that does not load stops start-up: it is our own data.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sorot.load-samples", havingValue = "true", matchIfMissing = true)
class SampleLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final EtlService etl;
    private final SorotProperties properties;

    SampleLoader(EtlService etl, SorotProperties properties) {
        this.etl = etl;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!etl.storeIsEmpty()) {
            return;
        }
        Path samples = properties.etlDir().resolve("samples");
        YamlNode manifest = YamlNode.load(samples.resolve("manifest.yml"), "etl/samples/manifest.yml")
                .allowKeys("loads");
        for (YamlNode load : manifest.list("loads")) {
            load.allowKeys("job", "file", "pemda", "period", "opd");
            Path file = samples.resolve(load.string("file"));
            if (!Files.isRegularFile(file)) {
                throw load.get("file").error("sample " + file + " does not exist");
            }
            LoadRequest request = new LoadRequest(
                    load.optString("pemda").orElse(null),
                    load.optString("period").orElse(null),
                    load.optString("opd").orElse(null),
                    "sorot (sample data)");
            LoadResult result = etl.load(load.string("job"), SourceFile.of(file), request, null);
            if (!result.ok()) {
                throw new DefinitionException(
                        "etl/samples/manifest.yml",
                        load.path(),
                        "sample did not load: "
                                + result.problems().stream()
                                        .limit(5)
                                        .map(p -> etl.render(p, Locale.ENGLISH))
                                        .toList());
            }
            log.info(
                    "Loaded sample {} with {}: {} rows (batch {})",
                    load.string("file"),
                    result.job(),
                    result.rowsLoaded(),
                    result.batchId());
        }
    }
}
