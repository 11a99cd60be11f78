/** The OPD master (pemda, perangkat daerah, service units and every spelling of them) and, later, the OPD profile. */
package id.sorot.opd;
