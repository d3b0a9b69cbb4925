import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPii } from '../../src/logging/index.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'info', pretty: false, destination }) };
}

describe('logging', () => {
  it('masks an email, a phone number and a card number in a log line', () => {
    const { lines, logger } = capture();
    logger.info(
      { text: 'mail juan.dela.cruz@example.com or call +63 917 123 4567, card 4111 1111 1111 1111' },
      'customer wrote to maria@kidlat.ph from 0300-1234567',
    );
    const line = lines.join('');
    expect(line).not.toContain('juan.dela.cruz@example.com');
    expect(line).not.toContain('maria@kidlat.ph');
    expect(line).not.toContain('917 123 4567');
    expect(line).not.toContain('0300-1234567');
    expect(line).not.toContain('4111 1111 1111 1111');
    expect(line).toContain('[card ****1111]');
    expect(line).toContain('[phone]');
  });

  it('redacts secrets: authorization headers, passwords, tokens', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        user: { password: 'hunter2' },
        token: 'tok',
      },
      'request',
    );
    const line = lines.join('');
    expect(line).not.toContain('abc.def.ghi');
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('"tok"');
    expect(line).toContain('[redacted]');
  });

  it('leaves ordinary text, order numbers and prices alone', () => {
    expect(maskPii('Order KE-20391 costs ₱1,299 and ships in 3 days')).toBe(
      'Order KE-20391 costs ₱1,299 and ships in 3 days',
    );
  });
});
