package dev.troupe.cli.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table as kubectl prints it: upper-case headers, columns left-aligned and separated
 * by three spaces, the last column unpadded, no trailing spaces. Line breaks in cells become
 * spaces.
 */
public final class Table {
  private static final String GAP = "   ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public Table add(List<String> row) {
    if (row.size() != headers.size()) {
      throw new IllegalArgumentException(
          "a row has " + row.size() + " cells, the table " + headers.size() + " columns");
    }
    rows.add(row.stream().map(Table::clean).toList());
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The column widths of the headers and rows so far. */
  public int[] widths() {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = headers.get(i).length();
    }
    for (List<String> row : rows) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], row.get(i).length());
      }
    }
    return w;
  }

  /** The header line and the rows, each ending with a newline. */
  public String render() {
    int[] w = widths();
    StringBuilder b = new StringBuilder();
    b.append(line(headers, w)).append('\n');
    for (List<String> row : rows) {
      b.append(line(row, w)).append('\n');
    }
    return b.toString();
  }

  /** One row laid out with given widths (a cell wider than its column pushes the rest right). */
  public static String line(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = clean(cells.get(i));
      boolean last = i == cells.size() - 1;
      b.append(cell);
      if (!last) {
        int width = i < widths.length ? widths[i] : cell.length();
        b.append(" ".repeat(Math.max(0, width - cell.length()))).append(GAP);
      }
    }
    return b.toString().stripTrailing();
  }

  private static String clean(String cell) {
    return cell == null ? "" : cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
