package id.sorot.etl.load;

import id.sorot.etl.job.JobSpec;
import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Periods;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.Pemda;

/**
 * What a load is told beside its file (pemda, OPD, period), resolved against the OPD master. What
 * the request names but the master does not know, or what the job needs but the request lacks, is
 * a problem; the parameters are then null.
 */
record LoadParameters(Pemda pemda, Opd opd, Periods.Period period) {

    /** The year the request names, or null. */
    Integer year() {
        return period == null ? null : period.tahun();
    }

    static LoadParameters resolve(JobSpec spec, LoadRequest request, String file, OpdDirectory dir, Problems problems) {
        Pemda pemda = null;
        Opd opd = null;
        Periods.Period period = null;
        if (present(request.pemda())) {
            pemda = dir.pemda(request.pemda()).orElse(null);
            if (pemda == null) problems.add(Problem.of(file, "etl.error.unknown_pemda", request.pemda()));
        } else if (spec.needs("pemda")) {
            problems.add(Problem.of(file, "etl.error.missing_parameter", "pemda"));
        }
        if (present(request.opd()) && pemda != null) {
            opd = dir.findOpd(pemda.id(), request.opd()).orElse(null);
            if (opd == null) {
                problems.add(Problem.of(
                        file,
                        "etl.error.unknown_opd",
                        request.opd(),
                        pemda.nama(),
                        String.join("; ", dir.closestOpds(pemda.id(), request.opd(), 3))));
            }
        } else if (spec.needs("opd")) {
            problems.add(Problem.of(file, "etl.error.missing_parameter", "opd"));
        }
        if (present(request.period())) {
            try {
                // a year, a semester, a triwulan, a month or an as-of date
                period = Periods.parse(request.period(), null);
            } catch (FieldType.Bad e) {
                problems.add(Problem.of(file, e.code, e.args));
            }
        } else if (spec.needs("period") && spec.layout().titlePeriod() == null) {
            problems.add(Problem.of(file, "etl.error.missing_parameter", "period"));
        }
        return new LoadParameters(pemda, opd, period);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
