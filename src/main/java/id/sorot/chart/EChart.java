package id.sorot.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Apache ECharts chart (Apache-2.0, bundled from npm, no licence check, works offline) as a Flow
 * component. The server sends the ECharts option as JSON; the browser draws it.
 */
@Tag("sorot-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./components/sorot-chart.js")
public class EChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public EChart() {
        setWidthFull();
        setHeight("400px");
    }

    /** Sets the chart's option: plain maps, lists, strings and numbers in ECharts' own shape. */
    public void setOption(Map<String, ?> option) {
        getElement().setProperty("option", JSON.writeValueAsString(option));
    }

    public String getOptionJson() {
        return getElement().getProperty("option");
    }

    /**
     * Lets the browser save the chart as {@code png} (twice the pixels) or {@code svg}, framed by
     * title, subtitle, source and time of export; drawn there, offline, from the option shown.
     */
    public void download(String type, String fileName, String title, String subtitle, String source, String stamp) {
        getElement().callJsFunction("download", type, fileName, title, subtitle, source, stamp);
    }

    /** The chart as the user sees it, as PNG bytes at twice the pixel density, unframed. */
    public CompletableFuture<byte[]> png() {
        return getElement()
                .executeJs("return this.image('png', null, 2)")
                .toCompletableFuture(String.class)
                .thenApply(EChart::decode);
    }

    private static byte[] decode(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith("data:image/png;base64,")) {
            throw new IllegalStateException("the browser returned no chart image");
        }
        return Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
    }

    /**
     * A click on a bar or point. {@code id} is the {@code id} the data item carries (an OPD kode),
     * so a click names what was clicked whatever its label says.
     */
    @DomEvent("chart-click")
    public static class ClickEvent extends ComponentEvent<EChart> {
        private final String name;
        private final String id;
        private final String seriesName;

        public ClickEvent(
                EChart source,
                boolean fromClient,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.data && event.detail.data.id ? String(event.detail.data.id) : null") String id,
                @EventData("event.detail.seriesName") String seriesName) {
            super(source, fromClient);
            this.name = name;
            this.id = id;
            this.seriesName = seriesName;
        }

        public String name() {
            return name;
        }

        public String id() {
            return id;
        }

        public String seriesName() {
            return seriesName;
        }
    }

    public Registration addClickListener(ComponentEventListener<ClickEvent> listener) {
        return addListener(ClickEvent.class, listener);
    }
}
