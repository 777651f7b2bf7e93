package io.croupier.adapter.in.cli;

import io.croupier.domain.TenantDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A JSON Lines file of documents to import, read twice: once to validate every line, and once to
 * import. So a file with an invalid line changes nothing, and no more than one document is in
 * memory at a time. Standard input is first copied to a temporary file, which {@link #close}
 * deletes. Blank lines are skipped.
 */
final class ImportFile implements AutoCloseable {

  private final Path path;
  private final String description;
  private final boolean temporary;

  private ImportFile(Path path, String description, boolean temporary) {
    this.path = path;
    this.description = description;
    this.temporary = temporary;
  }

  /**
   * Returns the file at the path.
   *
   * @throws CliFailure if no readable file is there
   */
  static ImportFile of(Path path) {
    String description = "file '" + path + "'";
    if (!Files.exists(path)) {
      throw new CliFailure(ExitCodes.INVALID_INPUT, "The " + description + " does not exist");
    }
    if (!Files.isRegularFile(path)) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT, "The " + description + " is not a regular file");
    }
    return new ImportFile(path, description, false);
  }

  /**
   * Copies the input to a temporary file readable by its owner only, and returns that file.
   *
   * @throws CliFailure if the input cannot be read or the copy cannot be written
   */
  static ImportFile copyOf(InputStream input, String description) {
    Path copy = null;
    try {
      copy = Files.createTempFile("croupier-import-", ".jsonl");
      Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
      return new ImportFile(copy, description, true);
    } catch (IOException failure) {
      deleteQuietly(copy);
      throw new CliFailure(
          ExitCodes.FILE_FAILED,
          "Copying " + description + " to a temporary file failed: " + IoFailures.reason(failure));
    }
  }

  String description() {
    return description;
  }

  /**
   * Reads every line and returns how many documents the file holds.
   *
   * @throws InvalidLine for the first line that breaks the format, or whose id an earlier line has
   * @throws CliFailure if the file cannot be read
   */
  long validate() {
    // Ids take about 100 bytes each here, far less than the documents, which are not kept.
    Map<String, Long> lineOfId = new HashMap<>();
    try (Lines lines = new Lines()) {
      while (lines.hasNext()) {
        TenantDocument document = lines.next();
        Long earlier = lineOfId.putIfAbsent(document.id(), lines.lineNumber());
        if (earlier != null) {
          throw new InvalidLine(
              lines.lineNumber(),
              "id '" + document.id() + "' is also on line " + earlier + "; ids must be unique");
        }
      }
    }
    return lineOfId.size();
  }

  /**
   * Returns the documents, read one at a time; close the iterator when done.
   *
   * @throws InvalidLine if a line no longer passes validation, because the file changed
   * @throws CliFailure if the file cannot be read
   */
  Lines documents() {
    return new Lines();
  }

  /** Deletes the temporary copy of standard input; leaves a file named by the user alone. */
  @Override
  public void close() {
    if (temporary) {
      deleteQuietly(path);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The temporary folder is cleaned by the system; the import's result does not depend on it.
    }
  }

  private CliFailure readFailure(IOException failure) {
    return new CliFailure(
        ExitCodes.FILE_FAILED, "Reading " + description + " failed: " + IoFailures.reason(failure));
  }

  /** The documents of the file in line order, parsed as they are read. */
  final class Lines implements Iterator<TenantDocument>, AutoCloseable {

    private final JsonLinesReader reader;
    private TenantDocument next;
    private long handedOut;

    private Lines() {
      try {
        reader = new JsonLinesReader(Files.newInputStream(path));
      } catch (IOException failure) {
        throw readFailure(failure);
      }
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      try {
        String line = reader.nextLine();
        while (line != null && line.isBlank()) {
          line = reader.nextLine();
        }
        if (line != null) {
          next = DocumentLines.parse(line, reader.lineNumber());
        }
      } catch (IOException failure) {
        throw readFailure(failure);
      }
      return next != null;
    }

    @Override
    public TenantDocument next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      TenantDocument document = next;
      next = null;
      handedOut++;
      return document;
    }

    /** Returns the number of the line of the document that {@link #next} returned last. */
    long lineNumber() {
      return reader.lineNumber();
    }

    /** Returns how many documents {@link #next} has returned. */
    long handedOut() {
      return handedOut;
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException ignored) {
        // Closing a file that was only read loses nothing.
      }
    }
  }
}
