import { describe, expect, it } from 'vitest';
import { AccountId } from '../accounts/account-id';
import { TransferId } from '../accounts/transfer-id';
import { OrderId } from '../orders/order-id';
import { ProductId } from '../products/product-id';
import { RoleId } from '../roles/role-id';
import { UserId } from '../users/user-id';
import { ValidationError } from './common.errors';
import { isUuid } from './uuid';

describe('ids', () => {
  it('accept the RFC 4122 textual form and keep it lower-case', () => {
    const id = UserId.of('A0B8E7A9-8F1E-4F7A-9D2B-3C4D5E6F7A8B');
    expect(id.value).toBe('a0b8e7a9-8f1e-4f7a-9d2b-3c4d5e6f7a8b');
    expect(JSON.stringify({ id })).toBe('{"id":"a0b8e7a9-8f1e-4f7a-9d2b-3c4d5e6f7a8b"}');
  });

  it.each([
    '',
    'not-a-uuid',
    'a0b8e7a98f1e4f7a9d2b3c4d5e6f7a8b',
    '{a0b8e7a9-8f1e-4f7a-9d2b-3c4d5e6f7a8b}',
    '00000000-0000-0000-0000-000000000000',
  ])('refuse %j, naming the field', (value) => {
    expect(() => ProductId.of(value)).toThrow(ValidationError);
    try {
      ProductId.of(value);
    } catch (error) {
      expect((error as ValidationError).field).toBe('productId');
    }
  });

  it('make random version 4 ids', () => {
    for (const make of [UserId, RoleId, ProductId, OrderId, AccountId, TransferId]) {
      const id = make.random();
      expect(isUuid(id.value)).toBe(true);
      expect(id.value[14]).toBe('4');
      expect(id.value).toBe(id.value.toLowerCase());
    }
  });

  it('are equal by value within one kind', () => {
    const value = UserId.random().value;
    expect(UserId.of(value).equals(UserId.of(value.toUpperCase()))).toBe(true);
    expect(UserId.of(value).equals(UserId.random())).toBe(false);
  });
});
