package id.sorot.etl.read;

/** A stretch [from, to) of a delimited text file that starts at the start of line {@code firstLine}. */
public record Chunk(long from, long to, int firstLine, char delimiter) {}
