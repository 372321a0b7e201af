package dev.troupe.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <store file>.lock}, held while a store is open, so two processes (or
 * two stores in one process) never write one file. The operating system releases it when the
 * process dies.
 */
final class StoreLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StoreLock acquire(Path storeFile) throws IOException {
    Path path = storeFile.resolveSibling(storeFile.getFileName() + ".lock");
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IOException("the store is in use by another process (" + path + ")");
      }
      return new StoreLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new IOException("the store is already open in this process (" + path + ")", e);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the channel or the process
    }
  }
}
