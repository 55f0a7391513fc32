package org.vigil.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads series in long form (one row per series key, period and value) from CSV, Parquet or a JDBC
 * table into {@link #SCHEMA}. Input that cannot be read is refused before any forecast is made,
 * naming the file, line (CSV; Parquet has no lines) and field, what was expected and what was
 * found; a missing value ({@code NaN} or an empty value field) is not an input error but makes its
 * series' row an error.
 */
public final class LongFormInput {
  /** The columns every reader produces. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("series_key", DataTypes.StringType, false),
            DataTypes.createStructField("period", DataTypes.StringType, false),
            DataTypes.createStructField("value", DataTypes.DoubleType, false)
          });

  private static final StructType PARSED =
      SCHEMA.add(DataTypes.createStructField("input_error", DataTypes.StringType, true));

  private static final int SHOWN_ERRORS = 5;

  /** Input column names: the series key, the period and the value. */
  public record Columns(String key, String period, String value) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final Columns DEFAULT = new Columns("series_key", "period", "value");

    List<String> all() {
      return List.of(key, period, value);
    }
  }

  private LongFormInput() {}

  /** CSV files (a file, a directory of them or a glob), with a header row naming the columns. */
  public static Dataset<Row> csv(SparkSession spark, String path, Columns columns, char delimiter) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> files = files(spark, path);
    JavaRDD<Row> all = null;
    for (String file : files) {
      String name = new Path(file).getName();
      JavaRDD<Row> rows =
          jsc.textFile(file)
              .zipWithIndex()
              .mapPartitions(
                  new CsvLines(
                      name, columns, delimiter, header(jsc, file, name, columns, delimiter)));
      all = all == null ? rows : all.union(rows);
    }
    return checked(spark.createDataFrame(all, PARSED));
  }

  /** Parquet files with the three columns (the period as text or a number such as a year). */
  public static Dataset<Row> parquet(SparkSession spark, String path, Columns columns) {
    Dataset<Row> raw = spark.read().parquet(path);
    requireColumns(
        raw, columns, path, "; name them with --key-column, --period-column and --value-column");
    return fromTyped(raw.withColumn("__file", input_file_name()), columns, "__file");
  }

  /**
   * A JDBC table or query. With {@code table} empty, Vigil's store: the latest value of every
   * indicator, area and period in complete batches, of PUBLIC and SHARED data only (what every
   * member may read: a batch job has no reader to ask for), keyed {@code INDICATOR/AREA}.
   */
  public static Dataset<Row> jdbc(
      SparkSession spark, String url, String table, String user, String password) {
    String query = table.isBlank() ? STORE_QUERY : table;
    Dataset<Row> raw =
        spark
            .read()
            .format("jdbc")
            .option("url", url)
            .option(
                table.isBlank() || table.trim().toLowerCase(Locale.ROOT).startsWith("select")
                    ? "query"
                    : "dbtable",
                query)
            .option("user", user)
            .option("password", password)
            .load();
    Columns c = Columns.DEFAULT;
    requireColumns(raw, c, url + " " + query, "");
    return fromTyped(
        raw.withColumn("__file", org.apache.spark.sql.functions.lit(url)), c, "__file");
  }

  /** Refuses an input that lacks one of the columns, naming what it has. */
  private static void requireColumns(Dataset<Row> raw, Columns columns, String where, String fix) {
    for (String c : columns.all()) {
      if (!has(raw, c)) {
        throw new JobInputException(
            where
                + ": field '"
                + c
                + "' is missing: expected columns "
                + columns.all()
                + ", found "
                + Arrays.toString(raw.columns())
                + fix);
      }
    }
  }

  /** Whether the data set has the column (as Spark resolves names: ignoring case). */
  private static boolean has(Dataset<Row> d, String name) {
    for (String c : d.columns()) {
      if (c.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Vigil's store: latest vintage of complete batches, PUBLIC and SHARED rows only. */
  static final String STORE_QUERY =
      "SELECT o.indicator_code || '/' || o.area_code AS \"series_key\", o.period_code AS \"period\","
          + " o.obs_value AS \"value\" FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
          + " WHERE b.status = 'COMPLETE' AND o.classification IN ('PUBLIC', 'SHARED')"
          + " AND o.id = (SELECT MAX(o2.id) FROM observation o2 JOIN ingest_batch b2"
          + " ON b2.id = o2.batch_id WHERE b2.status = 'COMPLETE'"
          + " AND o2.indicator_code = o.indicator_code AND o2.area_code = o.area_code"
          + " AND o2.period_code = o.period_code)";

  private static Dataset<Row> fromTyped(Dataset<Row> raw, Columns c, String fileColumn) {
    Dataset<Row> typed =
        raw.select(
            col(c.key()).cast("string").as("series_key"),
            col(c.period()).cast("string").as("period"),
            col(c.value()).cast("double").as("value"),
            col(fileColumn).as("__file"),
            col(c.value()).isNotNull().as("__has_value"));
    Dataset<Row> bad = typed.where(col("series_key").isNull().or(col("period").isNull()));
    List<Row> shown = bad.limit(SHOWN_ERRORS).collectAsList();
    if (!shown.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Row r : shown) {
        String field = r.isNullAt(0) ? c.key() : c.period();
        lines.add(
            r.getString(3)
                + ", field "
                + field
                + ": expected a value, found nothing (null)"
                + (r.isNullAt(0) ? "" : " in series '" + r.getString(0) + "'"));
      }
      throw refused(lines, bad.count());
    }
    return typed.select(
        col("series_key"),
        col("period"),
        org.apache
            .spark
            .sql
            .functions
            .coalesce(col("value"), org.apache.spark.sql.functions.lit(Double.NaN))
            .as("value"));
  }

  private static Dataset<Row> checked(Dataset<Row> parsed) {
    parsed = parsed.cache();
    Dataset<Row> bad = parsed.where(col("input_error").isNotNull());
    List<Row> shown = bad.limit(SHOWN_ERRORS).collectAsList();
    if (!shown.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Row r : shown) {
        lines.add(r.getString(3));
      }
      long n = bad.count();
      parsed.unpersist();
      throw refused(lines, n);
    }
    return parsed.drop("input_error");
  }

  private static JobInputException refused(List<String> lines, long count) {
    return new JobInputException(
        String.join("\n", lines)
            + (count > lines.size() ? "\n... and " + (count - lines.size()) + " more" : "")
            + "\n("
            + count
            + " input row(s) refused; nothing was forecast: fix them and run again)");
  }

  private static int[] header(
      JavaSparkContext jsc, String file, String name, Columns columns, char delimiter) {
    List<String> first = jsc.textFile(file).take(1);
    if (first.isEmpty()) {
      throw new JobInputException(
          name + " line 1: expected a header " + columns.all() + ", found an empty file");
    }
    List<String> head = CsvLines.split(first.get(0), delimiter);
    int[] at = new int[3];
    List<String> want = columns.all();
    for (int i = 0; i < 3; i++) {
      at[i] = head.indexOf(want.get(i));
      if (at[i] < 0) {
        throw new JobInputException(
            name
                + " line 1, field "
                + want.get(i)
                + ": expected a header naming "
                + want
                + ", found "
                + head
                + "; name the columns with --key-column, --period-column, --value-column");
      }
    }
    return at;
  }

  private static List<String> files(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] found = fs.globStatus(p);
      List<String> out = new ArrayList<>();
      if (found != null) {
        for (FileStatus s : found) {
          if (s.isDirectory()) {
            for (FileStatus f : fs.listStatus(s.getPath())) {
              String n = f.getPath().getName();
              if (f.isFile() && !n.startsWith(".") && !n.startsWith("_")) {
                out.add(f.getPath().toString());
              }
            }
          } else {
            out.add(s.getPath().toString());
          }
        }
      }
      if (out.isEmpty()) {
        throw new JobInputException(
            path + ": no such file: expected a CSV file, a directory of them or a glob");
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new JobInputException(path + ": cannot list the input: " + e.getMessage(), e);
    }
  }

  /** Parses numbered CSV lines into rows, an error text in the last column for a bad line. */
  static final class CsvLines
      implements org.apache.spark.api.java.function.FlatMapFunction<
          java.util.Iterator<Tuple2<String, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final Columns columns;
    private final char delimiter;
    private final int[] at;

    CsvLines(String file, Columns columns, char delimiter, int[] at) {
      this.file = file;
      this.columns = columns;
      this.delimiter = delimiter;
      this.at = at.clone();
    }

    @Override
    public java.util.Iterator<Row> call(java.util.Iterator<Tuple2<String, Long>> lines) {
      List<Row> out = new ArrayList<>();
      while (lines.hasNext()) {
        Tuple2<String, Long> l = lines.next();
        if (l._2() == 0 || l._1().isBlank()) {
          continue;
        }
        out.add(row(l._1(), l._2() + 1));
      }
      return out.iterator();
    }

    Row row(String text, long line) {
      List<String> f = split(text, delimiter);
      String where = file + " line " + line;
      int need = Math.max(at[0], Math.max(at[1], at[2])) + 1;
      if (f.size() < need) {
        return refused(
            where
                + ": expected at least "
                + need
                + " fields, found "
                + f.size()
                + " in '"
                + text
                + "'");
      }
      String key = f.get(at[0]).trim();
      String period = f.get(at[1]).trim();
      String value = f.get(at[2]).trim();
      if (key.isEmpty()) {
        return refused(
            where + ", field " + columns.key() + ": expected a series key, found nothing");
      }
      if (period.isEmpty()) {
        return refused(
            where
                + ", field "
                + columns.period()
                + ": expected a period such as 2024-03, found nothing");
      }
      try {
        org.vigil.timeseries.Period.parse(period);
      } catch (RuntimeException e) {
        return refused(
            where
                + ", field "
                + columns.period()
                + ": expected a period such as 2024, 2024-Q1, 2024-03, 2024-W05 or 2024-03-31, found '"
                + period
                + "'");
      }
      if (value.isEmpty()) {
        return RowFactory.create(key, period, Double.NaN, null);
      }
      try {
        return RowFactory.create(key, period, Double.parseDouble(value), null);
      } catch (NumberFormatException e) {
        return refused(
            where
                + ", field "
                + columns.value()
                + ": expected a number (with a '.' decimal point), found '"
                + value
                + "'");
      }
    }

    /** A row that carries only why its line was refused. */
    private static Row refused(String why) {
      return RowFactory.create("", "", Double.NaN, why);
    }

    /** Splits one line on the delimiter; double quotes protect delimiters, "" is a quote. */
    static List<String> split(String line, char delimiter) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted) {
          if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else if (ch == '"') {
            quoted = false;
          } else {
            cur.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == delimiter) {
          out.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(ch);
        }
      }
      out.add(cur.toString());
      return out;
    }
  }
}
