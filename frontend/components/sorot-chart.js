import * as echarts from 'echarts';

/**
 * <sorot-chart>: an Apache ECharts chart whose option (ECharts JSON) is set from the server.
 * Renders with SVG so exports stay sharp; resizes with its box; offers PNG/SVG data URLs.
 */
/**
 * JSON cannot carry functions, so the server asks for Indonesian number formatting with
 * option.sorot = {decimals: n}; labels and tooltips then read 85,02 rather than 85.02.
 */
function decorate(option) {
  const spec = option && option.sorot;
  if (!spec) return option;
  const fmt = new Intl.NumberFormat('id-ID', { minimumFractionDigits: spec.decimals, maximumFractionDigits: spec.decimals });
  const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
  const show = (v) => {
    const n = Array.isArray(v) ? v[v.length - 1] : (v && typeof v === 'object' ? v.value : v);
    return n == null || n === '' || Number.isNaN(Number(n)) ? '' : fmt.format(Number(n)) + (spec.suffix || '');
  };
  option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: show });
  // a data item may carry its own tooltip text, already formatted on the server (scatter points)
  if (spec.tips) {
    option.tooltip.formatter = (p) => (p.data && p.data.tip) || (p.name + ': ' + show(p.value));
  }
  for (const s of [].concat(option.series || [])) {
    if (s.label && s.label.show && !s.label.formatter) s.label.formatter = (p) => show(p.value);
  }
  for (const axis of [].concat(option.xAxis || [], option.yAxis || [])) {
    if (axis.type === 'value') {
      axis.axisLabel = Object.assign({}, axis.axisLabel);
      if (!axis.axisLabel.formatter) axis.axisLabel.formatter = (v) => whole.format(v) + (axis.suffix || '');
    }
  }
  return option;
}

class SorotChart extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this.chart = echarts.init(this, null, { renderer: this.getAttribute('renderer') || 'canvas' });
    this.chart.on('click', (p) => {
      this.dispatchEvent(new CustomEvent('chart-click', { detail: { name: p.name, seriesName: p.seriesName, value: p.value, data: p.data } }));
    });
    this._resize = new ResizeObserver(() => this.chart && this.chart.resize());
    this._resize.observe(this);
    if (this._option) this.chart.setOption(this._option, true);
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }

  set option(json) {
    this._option = decorate(typeof json === 'string' ? JSON.parse(json) : json);
    if (this.chart) this.chart.setOption(this._option, true);
  }

  get option() {
    return this._option;
  }

  /** A PNG (or SVG) of the chart as a data URL, rendered offline in the browser. */
  dataUrl(type = 'png', pixelRatio = 2) {
    return this.chart ? this.chart.getDataURL({ type, pixelRatio, backgroundColor: '#fff' }) : null;
  }
}

customElements.define('sorot-chart', SorotChart);
