package io.croupier.adapter.in.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-text layouts: a two-column list of fields, and a table with a header row. */
final class TextTable {

  private static final String GAP = "  ";

  private TextTable() {}

  /** Prints one field per line, the names padded to one width. */
  static void printFields(PrintWriter out, Map<String, Object> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach(
        (name, value) -> out.println(pad(name, width) + GAP + (value == null ? "" : value)));
  }

  /** Prints the header and the rows with every column padded to its widest cell. */
  static void printRows(PrintWriter out, List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < widths.length; column++) {
        boolean last = column == widths.length - 1;
        line.append(last ? row.get(column) : pad(row.get(column), widths[column]) + GAP);
      }
      out.println(line);
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
