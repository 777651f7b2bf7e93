package io.croupier.adapter.in.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An export file, written under a temporary name in the target's folder and moved to the target
 * only once complete, so that the target never contains part of an export. The temporary file is
 * readable by its owner only, and so is the target after the move. A process killed during the
 * export leaves the temporary file, named {@code .croupier-export-*.tmp}, behind.
 *
 * <p>A target that exists but is no regular file or folder, such as a device or a named pipe, or a
 * link to one, is written in place instead, since a move would replace it with a file.
 */
final class ExportFile implements AutoCloseable {

  static final String TEMPORARY_PREFIX = ".croupier-export-";
  static final String TEMPORARY_SUFFIX = ".tmp";

  private final Path target;
  private final boolean replace;

  /** The file written before the move to the target, or null if the target is written in place. */
  private final Path temporary;

  private final FileChannel channel;
  private final BufferedWriter writer;
  private boolean committed;

  private ExportFile(Path target, boolean replace, Path temporary, FileChannel channel) {
    this.target = target;
    this.replace = replace;
    this.temporary = temporary;
    this.channel = channel;
    this.writer =
        new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 64 * 1024);
  }

  /**
   * Checks that an export can be written to the target, before the store is opened.
   *
   * @throws CliFailure if the target's folder is missing, the target is a folder, or it exists and
   *     {@code replace} is false
   */
  static void check(Path target, boolean replace) {
    Path folder = folderOf(target);
    if (!Files.isDirectory(folder)) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The folder '" + folder + "' of the output file does not exist; create it first");
    }
    if (Files.isDirectory(target)) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT, "The output file '" + target + "' is a folder; name a file");
    }
    if (Files.exists(target) && !replace && !writtenInPlace(target)) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The output file '" + target + "' already exists; pass --force to replace it");
    }
  }

  /**
   * Creates the temporary file next to the target.
   *
   * @throws CliFailure if the temporary file cannot be created in the folder
   */
  static ExportFile create(Path target, boolean replace) {
    if (writtenInPlace(target)) {
      return openInPlace(target);
    }
    Path temporary = null;
    try {
      temporary = Files.createTempFile(folderOf(target), TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      return new ExportFile(target, replace, temporary, channel);
    } catch (IOException failure) {
      deleteQuietly(temporary);
      throw new CliFailure(
          ExitCodes.FILE_FAILED,
          "Creating a temporary file next to '"
              + target
              + "' failed ("
              + IoFailures.reason(failure)
              + "); check the folder's permissions and free space, or name another file");
    }
  }

  private static ExportFile openInPlace(Path target) {
    try {
      FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE);
      return new ExportFile(target, false, null, channel);
    } catch (IOException failure) {
      throw new CliFailure(
          ExitCodes.FILE_FAILED,
          "Opening '"
              + target
              + "' for the export failed ("
              + IoFailures.reason(failure)
              + "); check its permissions or name another file");
    }
  }

  /** Returns whether the target exists and is a device, a named pipe or the like. */
  private static boolean writtenInPlace(Path target) {
    return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  /** Returns the writer of the export. */
  Writer writer() {
    return writer;
  }

  /**
   * Writes the buffered lines, forces them to the disk, and moves the file to the target.
   *
   * @throws CliFailure if writing fails, or the target appeared meanwhile and may not be replaced
   */
  void commit() {
    try {
      writer.flush();
      if (temporary == null) {
        // A device or pipe has nothing to force to a disk, and some reject the request.
        writer.close();
        committed = true;
        return;
      }
      channel.force(true);
      writer.close();
      if (replace) {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // Without REPLACE_EXISTING the move fails if the target exists, where an atomic move
        // could replace it silently.
        Files.move(temporary, target);
      }
      committed = true;
    } catch (FileAlreadyExistsException appeared) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The output file '"
              + target
              + "' was created by someone else during the export; pass --force to replace it");
    } catch (IOException failure) {
      throw writeFailure(failure);
    }
  }

  /** Deletes the temporary file unless {@link #commit} moved it to the target. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      writer.close();
    } catch (IOException ignored) {
      // The export failed already. A temporary file is deleted next, and a device keeps what it
      // got.
    }
    deleteQuietly(temporary);
  }

  /**
   * Returns the failure of a write to the export, with what became of the target in its message.
   */
  CliFailure writeFailure(IOException failure) {
    String outcome =
        temporary == null
            ? "so what it received is incomplete"
            : "so the file was left as it was before the export";
    return new CliFailure(
        ExitCodes.FILE_FAILED,
        "Writing the export to '"
            + target
            + "' failed ("
            + IoFailures.reason(failure)
            + "), "
            + outcome
            + "; free space on its disk or name another file, then export again");
  }

  private static Path folderOf(Path target) {
    Path folder = target.toAbsolutePath().getParent();
    return folder == null ? target.toAbsolutePath() : folder;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Only a hidden temporary file remains, never a part of the export under the target's name.
    }
  }
}
