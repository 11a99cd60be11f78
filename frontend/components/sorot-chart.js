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
  const show = (v) => {
    const n = Array.isArray(v) ? v[v.length - 1] : (v && typeof v === 'object' ? v.value : v);
    return n == null || n === '' || Number.isNaN(Number(n)) ? '' : fmt.format(Number(n)) + (spec.suffix || '');
  };
  option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: show });
  for (const s of [].concat(option.series || [])) {
    if (s.label && s.label.show && !s.label.formatter) s.label.formatter = (p) => show(p.value);
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
