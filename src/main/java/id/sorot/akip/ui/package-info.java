/** The AKIP views: the ranking of OPDs for a year. */
package id.sorot.akip.ui;
