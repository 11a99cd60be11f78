/** Rule-based figures from GUIDE.md (predikat, mutu, capaian, deviasi, efisiensi) and their versions. */
package id.sorot.rules;
