package dev.xct.cli.internal.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Writes to a terminal so that nothing written can steer it: everything that passes, whether
 * printed text, formatted text or bytes from a JSON writer, is decoded and {@linkplain TerminalText
 * neutralised} before it reaches the terminal, so that escape sequences, carriage returns and
 * bidirectional controls show as visible escapes. The only escape codes that reach the terminal are
 * XCT's own: the colours of {@link Styled} parts in {@link #line}, and the redrawing of a
 * {@linkplain #status status line}.
 *
 * <p>Thread-safe: a line, prompt or status is written whole.
 */
public final class TerminalStream extends PrintStream {
  private static final String RESET = "\u001b[0m";
  private final Sink sink;
  private final Charset encoding;

  private TerminalStream(Sink sink, Charset encoding) {
    super(sink, true, encoding);
    this.sink = sink;
    this.encoding = encoding;
  }

  /** Returns a stream onto {@code terminal}, which reads text in {@code encoding}. */
  public static TerminalStream over(OutputStream terminal, Charset encoding) {
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(encoding, "encoding");
    return new TerminalStream(new Sink(terminal, encoding), encoding);
  }

  /** Returns the encoding of the terminal; bytes written to this stream must be in it. */
  public Charset encoding() {
    return encoding;
  }

  /**
   * Prints {@code parts} as exactly one line: each is neutralised onto one line (a newline in it
   * reads {@code \n}), {@link Styled} ones are then coloured, and the line is ended.
   */
  public synchronized void line(CharSequence... parts) {
    parts(parts);
    println();
  }

  /** Prints {@code parts} as {@link #line} does, without ending the line, for a question. */
  public synchronized void prompt(CharSequence... parts) {
    parts(parts);
    flush();
  }

  /** Replaces the current line with {@code parts}, for a status the next one redraws. */
  public synchronized void status(CharSequence... parts) {
    trusted("\r");
    parts(parts);
    flush();
  }

  /** Clears the current line, status and all. */
  public synchronized void clearStatus() {
    trusted("\r\u001b[2K");
  }

  private void parts(CharSequence... parts) {
    for (CharSequence part : parts) {
      String text = TerminalText.oneLine(part);
      if (part instanceof Styled styled && !styled.sgr().isEmpty()) {
        trusted("\u001b[" + styled.sgr() + "m");
        print(text);
        trusted(RESET);
      } else {
        print(text);
      }
    }
  }

  /** Writes XCT's own control codes around the neutralising sink, after what was printed. */
  private void trusted(String codes) {
    flush();
    try {
      sink.trusted(codes.getBytes(encoding));
    } catch (IOException e) {
      setError();
    }
  }

  /**
   * Decodes what the print stream encodes (and what byte writers write), neutralises it and encodes
   * it again. Holds back only an incomplete character. A carriage return is kept only right before
   * a newline in the same write, as a CRLF line end; the print stream writes each line end whole.
   */
  private static final class Sink extends OutputStream {
    private final OutputStream terminal;
    private final Charset encoding;
    private final CharsetDecoder decoder;
    private ByteBuffer undecoded = ByteBuffer.allocate(0);

    Sink(OutputStream terminal, Charset encoding) {
      this.terminal = terminal;
      this.encoding = encoding;
      this.decoder =
          encoding
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer in = ByteBuffer.allocate(undecoded.remaining() + length);
      in.put(undecoded).put(bytes, offset, length).flip();
      CharBuffer chars =
          CharBuffer.allocate((int) Math.ceil(in.remaining() * decoder.maxCharsPerByte()) + 2);
      StringBuilder text = new StringBuilder();
      CoderResult result;
      do {
        result = decoder.decode(in, chars, false);
        text.append(chars.flip());
        chars.clear();
      } while (result.isOverflow());
      undecoded = ByteBuffer.allocate(in.remaining()).put(in).flip();
      terminal.write(TerminalText.neutralise(text).getBytes(encoding));
    }

    synchronized void trusted(byte[] codes) throws IOException {
      terminal.write(codes);
      terminal.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
      terminal.flush();
    }

    @Override
    public synchronized void close() throws IOException {
      flush();
      terminal.close();
    }
  }
}
