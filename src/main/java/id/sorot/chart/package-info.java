/** The ECharts chart component and the palette charts share. */
package id.sorot.chart;
