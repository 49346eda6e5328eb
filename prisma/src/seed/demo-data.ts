/**
 * The demo rows a fresh database gets. Ids are fixed so that seeding twice finds them and adds
 * nothing: the seed is idempotent by construction, not by checking first.
 */
export const DEMO_CUSTOMER = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'demo@stratum.example',
  name: 'Demo Customer',
  // "!" is no valid hash of any password: this user cannot log in until one is set.
  passwordHash: '!',
};

export const DEMO_ACCOUNTS = [
  {
    id: '00000000-0000-4000-8000-0000000000a1',
    ownerId: DEMO_CUSTOMER.id,
    currency: 'USD',
    balance: '1000.00',
  },
  {
    id: '00000000-0000-4000-8000-0000000000a2',
    ownerId: DEMO_CUSTOMER.id,
    currency: 'USD',
    balance: '250.00',
  },
];

const CATALOGUE: Array<[name: string, description: string, price: string]> = [
  ['Mechanical keyboard', 'Tactile switches, aluminium case, USB-C', '129.00'],
  ['Wireless mouse', 'Ergonomic mouse with silent buttons', '39.90'],
  ['27-inch monitor', 'IPS panel, 1440p, adjustable stand', '319.00'],
  ['USB-C dock', 'Two displays, gigabit ethernet, 100 W charging', '149.00'],
  ['Noise-cancelling headphones', 'Over-ear, 30 hours of battery', '249.00'],
  ['Standing desk', 'Electric height adjustment with memory presets', '499.00'],
  ['Desk lamp', 'Warm LED lamp with a wireless charging base', '59.00'],
  ['Laptop stand', 'Folding aluminium stand for better posture', '45.00'],
  ['Webcam', '1080p camera with privacy shutter and stereo microphones', '89.00'],
  ['Portable SSD', '1 TB solid state drive, USB 3.2', '119.00'],
];

export const DEMO_PRODUCTS = CATALOGUE.map(([name, description, price], index) => ({
  id: `00000000-0000-4000-8000-${(0xb00 + index).toString(16).padStart(12, '0')}`,
  sku: `DEMO-${String(index + 1).padStart(3, '0')}`,
  name,
  description,
  price,
  currency: 'USD',
  stock: 25 + index * 5,
}));
