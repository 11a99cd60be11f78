/**
 * What every dashboard page shares above the shell: the page base ({@code Dashboard}), the export
 * buttons of each panel (PNG, SVG, CSV, XLSX) and the meeting-pack dialog. It uses {@code chart} and
 * {@code export}, so it sits with the views, above {@code base.ui}.
 */
package id.sorot.dashboard;
