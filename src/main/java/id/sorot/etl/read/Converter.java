package id.sorot.etl.read;

import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.Pemda;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the raw text of a record into typed values, field by field, reporting each failure at its
 * cell. Fields the file does not carry come from the load's parameters (or the title's year).
 * Dimension lookups repeat on most rows of a large file, so each distinct spelling is resolved once.
 */
public final class Converter {

    private static final Object NULL = new Object();
    private static final int CACHE_LIMIT = 100_000;

    private final String[] names;
    private final FieldType.Def[] defs;
    private final boolean[] dimension;
    /** Slots whose few distinct spellings are converted once each: dimensions, and quantities, kode, grades. */
    private final boolean[] cacheable;

    private final int pemdaSlot;
    private final Pemda filePemda;
    private final Opd fileOpd;
    /** The period the load's parameter names, or null: then the title's or the file name's. */
    private final Periods.Period period;

    private final Layout layout;
    /** The period the title or file name gave, parsed once; FAILED when it named none. */
    private Object fromFile;

    private static final Object FAILED = new Object();
    private final LayoutReader reader;
    private final OpdDirectory directory;
    private final boolean dashIsZero;
    private final String file;
    private final Problems problems;
    private final Map<Long, Map<String, Object>> cache = new HashMap<>();
    /** Per slot, the unit a money column is read in when a cell says none (null: rupiah). */
    private final Amounts.Unit[] units;

    private final Map<String, Set<Amounts.Unit>> unitsRead = new TreeMap<>();
    private FieldType.Context context;
    /** The previous row's raw text and value per slot: neighbouring rows mostly repeat pemda, OPD, year. */
    private final String[] lastRaw;

    private final Object[] lastValue;
    private final int[] lastPemda;
    /** Per slot, the cache of the pemda the previous rows were for. */
    private final Map<String, Object>[] current;

    private final int[] currentPemda;

    @SuppressWarnings("unchecked")
    public Converter(
            LayoutReader.Slots slots,
            Map<String, FieldType.Def> fields,
            Pemda filePemda,
            Opd fileOpd,
            Periods.Period period,
            LayoutReader reader,
            OpdDirectory directory,
            Layout layout,
            String file,
            Problems problems) {
        this.names = slots.all().keySet().toArray(String[]::new);
        this.defs = new FieldType.Def[names.length];
        this.units = new Amounts.Unit[names.length];
        this.dimension = new boolean[names.length];
        this.cacheable = new boolean[names.length];
        for (int s = 0; s < names.length; s++) {
            defs[s] = fields.get(names[s]);
            dimension[s] = switch (defs[s].type()) {
                case PEMDA, OPD, UNIT, TAHUN, TRIWULAN -> true;
                default -> false;
            };
            cacheable[s] = switch (defs[s].type()) {
                case DECIMAL, MONEY, TEXT -> false;
                default -> true;
            };
            if (defs[s].type() == FieldType.MONEY) units[s] = layout.unitOf(names[s]);
        }
        boolean dashIsZero = layout.dashIsZero();
        Integer p = slots.find("pemda");
        this.pemdaSlot = p == null ? -1 : p;
        this.filePemda = filePemda;
        this.fileOpd = fileOpd;
        this.period = period;
        this.layout = layout;
        this.reader = reader;
        this.directory = directory;
        this.dashIsZero = dashIsZero;
        this.file = file;
        this.problems = problems;
        this.context = new FieldType.Context(directory, filePemda, dashIsZero);
        this.lastRaw = new String[names.length];
        this.lastValue = new Object[names.length];
        this.lastPemda = new int[names.length];
        this.current = new Map[names.length];
        this.currentPemda = new int[names.length];
    }

    /** The typed record, or null when a value is wrong (the problem is already recorded). */
    public Typed convert(Record r) {
        Object[] values = new Object[names.length];
        boolean bad = false;
        Pemda pemda = filePemda;
        if (pemdaSlot >= 0) {
            String raw = r.raw[pemdaSlot];
            if (raw != null && !raw.isBlank()) {
                try {
                    pemda = (Pemda) cached(pemdaSlot, FieldType.PEMDA, raw, 0);
                } catch (FieldType.Bad e) {
                    problems.add(
                            Problem.cell(file, r.rowOf(pemdaSlot), r.column[pemdaSlot], "pemda", raw, e.code, e.args));
                    return null;
                }
            }
            if (pemda == null) {
                problems.add(Problem.at(file, r.row, "etl.error.no_pemda"));
                return null;
            }
            values[pemdaSlot] = pemda;
        }
        if (context.pemda() != pemda) {
            context = new FieldType.Context(directory, pemda, dashIsZero);
        }
        int pemdaKey = pemda == null ? -1 : pemda.id();
        for (int s = 0; s < names.length; s++) {
            if (s == pemdaSlot) continue;
            FieldType.Def def = defs[s];
            String raw = r.raw[s];
            Object value = null;
            if (raw == null && r.column[s] < 0) {
                value = parameter(names[s]);
                if (value == FieldType.Bad.class) {
                    bad = true;
                    value = null;
                }
            } else {
                try {
                    // only OPD and unit names depend on the pemda; the rest convert the same everywhere
                    if (def.type() == FieldType.MONEY && (units[s] != null || Amounts.hasSuffix(raw))) {
                        value = amount(s, raw);
                    } else {
                        value = cacheable[s]
                                ? cached(s, def.type(), raw, dimension[s] ? pemdaKey : -1)
                                : def.type().convert(raw, context);
                    }
                } catch (FieldType.Bad e) {
                    problems.add(Problem.cell(file, r.rowOf(s), r.column[s], names[s], raw, e.code, e.args));
                    bad = true;
                    continue;
                }
            }
            if (value == null && def.required() && dimension[s]) {
                problems.add(Problem.cell(
                        file, r.rowOf(s), r.column[s], names[s], raw == null ? "" : raw, "etl.error.missing_value"));
                bad = true;
            }
            values[s] = value;
        }
        return bad ? null : new Typed(r, values);
    }

    /** An amount in a unit (the column's, or its cell's own suffix), in hundredths of a rupiah. */
    private Long amount(int slot, String raw) throws FieldType.Bad {
        try {
            Amounts.Read read = Amounts.read(raw, units[slot], dashIsZero);
            if (read.hundredths() == IdNumbers.MISSING) return null;
            unitsRead
                    .computeIfAbsent(names[slot], k -> EnumSet.noneOf(Amounts.Unit.class))
                    .add(read.unit());
            return read.hundredths();
        } catch (IdNumbers.NotANumber e) {
            throw new FieldType.Bad(e.code, e.args);
        }
    }

    /** The units amounts were read in, per field, for the batch's record. */
    public Map<String, Set<Amounts.Unit>> unitsRead() {
        return unitsRead;
    }

    /**
     * A field the file's rows do not carry: the OPD of a one-OPD file, or the year, triwulan and
     * as-of date of the period the parameter, the title or the file name names.
     */
    private Object parameter(String field) {
        if (field.equals("opd")) return fileOpd;
        if (!field.equals("tahun") && !field.equals("per_tanggal") && !field.equals("triwulan")) return null;
        Periods.Period p = period;
        if (p == null) {
            Object f = filePeriod();
            if (f == FAILED) return FieldType.Bad.class;
            p = (Periods.Period) f;
        }
        if (p == null) return null;
        return switch (field) {
            case "tahun" -> p.tahun();
            case "triwulan" -> p.triwulan();
            default -> p.asOf();
        };
    }

    /** The period the title, else the file name, names; null when neither says. */
    private Object filePeriod() {
        if (fromFile != null) return fromFile == NULL ? null : fromFile;
        String text = reader.titlePeriod();
        int row = reader.titlePeriodRow();
        String where = null;
        if (text == null && layout.filePeriod() != null) {
            java.util.regex.Matcher m = layout.filePeriod().matcher(file);
            if (m.find()) {
                text = m.group(1);
                where = file;
            }
        }
        if (text == null) {
            fromFile = NULL;
            return null;
        }
        try {
            fromFile = Periods.parse(text.replace('_', ' '), null);
        } catch (FieldType.Bad e) {
            problems.add(where == null ? Problem.at(file, row, e.code, e.args) : Problem.of(file, e.code, e.args));
            fromFile = FAILED;
        }
        return fromFile;
    }

    private Object cached(int slot, FieldType type, String raw, int pemdaKey) throws FieldType.Bad {
        if (raw.equals(lastRaw[slot]) && lastPemda[slot] == pemdaKey) {
            return lastValue[slot];
        }
        Object value = lookup(slot, type, raw, pemdaKey);
        lastRaw[slot] = raw;
        lastValue[slot] = value;
        lastPemda[slot] = pemdaKey;
        return value;
    }

    private Object lookup(int slot, FieldType type, String raw, int pemdaKey) throws FieldType.Bad {
        Map<String, Object> byRaw = current[slot];
        if (byRaw == null || currentPemda[slot] != pemdaKey) {
            long key = ((long) slot << 32) | (pemdaKey & 0xFFFFFFFFL);
            byRaw = cache.computeIfAbsent(key, k -> new HashMap<>());
            current[slot] = byRaw;
            currentPemda[slot] = pemdaKey;
        }
        Object hit = byRaw.get(raw);
        if (hit == null) {
            try {
                hit = type.convert(raw, context);
            } catch (FieldType.Bad e) {
                hit = e;
            }
            if (byRaw.size() < CACHE_LIMIT) byRaw.put(raw, hit == null ? NULL : hit);
        }
        if (hit instanceof FieldType.Bad bad) throw bad;
        return hit == NULL ? null : hit;
    }
}
