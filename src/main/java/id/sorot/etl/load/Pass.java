package id.sorot.etl.load;

import id.sorot.etl.read.Amounts;
import id.sorot.etl.read.Record;
import id.sorot.etl.target.FactBuffer;
import id.sorot.etl.target.Target;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One pass over (a stretch of) a file: the target's run, its fact rows, its TOTAL rows and sums. */
final class Pass {
    final Target.Run run;
    final FactBuffer facts;
    final Target.Emit emit;
    final Sums sums;
    final List<Record> totals = new ArrayList<>();
    long rowsRead;
    /** The units amounts were read in, per field (only fields read with a unit or a suffix). */
    final Map<String, Set<Amounts.Unit>> units = new TreeMap<>();

    /** Holds rows until the pass ends when the layout combines rows; null otherwise. */
    final Combine combine;

    Pass(Target.Run run, FactBuffer facts, Target.Emit emit, Sums sums, Combine combine) {
        this.run = run;
        this.combine = combine;
        this.facts = facts;
        this.emit = emit;
        this.sums = sums;
    }

    /** Takes another stretch's counts, sums and totals; its facts went to the same insert. */
    void absorb(Pass other) {
        facts.absorb(other.facts);
        sums.absorb(other.sums);
        totals.addAll(other.totals);
        rowsRead += other.rowsRead;
        other.units.forEach((field, u) -> units.computeIfAbsent(field, k -> EnumSet.noneOf(Amounts.Unit.class))
                .addAll(u));
    }
}
