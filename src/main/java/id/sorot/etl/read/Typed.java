package id.sorot.etl.read;

import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;

/** A converted record: typed values by slot, plus where each came from. */
public final class Typed {
    private final Record source;
    private final Object[] values;

    public Typed(Record source, Object[] values) {
        this.source = source;
        this.values = values;
    }

    /** The same source record with other values (rows combined into one). */
    public Typed with(Object[] values) {
        return new Typed(source, values.clone());
    }

    public Object get(int slot) {
        return slot < 0 ? null : values[slot];
    }

    public Opd opd(int slot) {
        return (Opd) get(slot);
    }

    public Unit unit(int slot) {
        return (Unit) get(slot);
    }

    public Pemda pemda(int slot) {
        return (Pemda) get(slot);
    }

    public Integer integer(int slot) {
        return (Integer) get(slot);
    }

    public Long hundredths(int slot) {
        return (Long) get(slot);
    }

    public Double number(int slot) {
        Long h = hundredths(slot);
        return h == null ? null : h / 100.0;
    }

    public String text(int slot) {
        Object o = get(slot);
        return o == null ? null : o.toString();
    }

    public int row() {
        return source.row;
    }

    public int column(int slot) {
        return slot < 0 ? -1 : source.column[slot];
    }

    public int rowOf(int slot) {
        return slot < 0 ? source.row : source.rowOf(slot);
    }

    /** The row a continuation of this record came from, or -1 when the record is one row. */
    public int continuationRow() {
        return source.continuationRow;
    }

    public String raw(int slot) {
        return slot < 0 ? null : source.raw[slot];
    }
}
