package id.sorot.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Map;
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
}
