package id.sorot.etl.read;

/** One line of the source; {@code line} is the 1-based line or spreadsheet row. */
public record Row(int line, String[] cells) {
    public String cell(int i) {
        return i < cells.length ? cells[i] : "";
    }

    public boolean blank() {
        for (String c : cells) {
            if (!c.isBlank()) return false;
        }
        return true;
    }
}
