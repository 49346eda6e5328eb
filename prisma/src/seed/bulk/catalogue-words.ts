/**
 * The vocabulary of generated products. Lists are long and picked with a skew (see `pick`
 * in seed-sql.ts), so a few words are common and most are rare, as in a real catalogue:
 * a search for a rare word touches a few postings, one for a common word many, and the GIN
 * index has to earn its keep.
 */
import { words } from './word-list';

export const BRANDS = words(`
  Acme, Nordvik, Halden, Brightline, Kestrel, Mistral, Oakridge, Pellucid, Quarry, Roamwell, Solent,
  Tamarind, Umbra, Vantage, Wrenfield, Yarrow, Zephyr, Arcadia, Bellhaven, Cobalt, Driftwood, Ember,
  Foxglove, Granite, Harbour, Ironbark, Juniper, Kinfolk, Lumen, Meridian, Northstar, Orchard,
  Pinecrest, Quill, Riverstone, Saltmarsh, Thistle, Upland, Verdant, Willow, Aster, Birchwood,
  Caldera, Dunmore, Everly, Fjord, Glenmore, Hollis, Indigo, Jetstream, Kiln, Larkspur, Moorland,
  Nimbus
`);

export const ADJECTIVES = words(`
  wireless, compact, portable, ergonomic, premium, classic, modern, rugged, slim, foldable,
  adjustable, rechargeable, waterproof, lightweight, heavy-duty, silent, smart, vintage, minimalist,
  professional, insulated, breathable, handmade, organic, stackable, magnetic, cordless, ultrasonic,
  digital, analog, solar, reversible, padded, quilted, weatherproof, noise-cancelling, backlit,
  retractable, collapsible, modular, thermal, anti-slip, shockproof, dimmable, programmable,
  detachable, convertible, oversized, miniature, double-walled, hand-stitched, cold-pressed,
  stainless, recycled, biodegradable, hypoallergenic, fireproof, telescopic, self-cleaning,
  low-profile
`);

export const COLOURS = words(`
  black, white, grey, navy, olive, sand, charcoal, crimson, teal, mustard, ivory, slate, copper,
  forest, sky, burgundy, coral, lavender, mint, graphite, amber, cobalt, rust, pearl, onyx, sage,
  plum, saffron, stone, walnut
`);

export const MATERIALS = words(`
  aluminium, oak, walnut, bamboo, leather, canvas, linen, cotton, wool, steel, titanium, ceramic,
  glass, silicone, cork, merino, denim, brass, copper, marble, granite, rattan, hemp, felt, suede,
  polycarbonate, carbon, teak, birch, porcelain
`);

export const NOUNS = words(`
  keyboard, mouse, monitor, headphones, speaker, lamp, desk, chair, backpack, wallet, jacket, boots,
  sneakers, kettle, grinder, blender, toaster, skillet, saucepan, knife, cutting board, mug, teapot,
  bottle, tumbler, tent, sleeping bag, lantern, flashlight, compass, watch, sunglasses, umbrella,
  scarf, gloves, beanie, notebook, pen, planner, stapler, charger, cable, power bank, router, webcam,
  microphone, tripod, camera, lens, drone, thermostat, doorbell, vacuum, fan, heater, humidifier,
  purifier, pillow, duvet, blanket, towel, rug, curtain, mirror, shelf, bookcase, wardrobe, stool,
  bench, sofa, armchair, ottoman, planter, vase, candle, diffuser, yoga mat, dumbbell, kettlebell,
  bicycle, helmet, scooter, skateboard, surfboard, paddle, kayak, fishing rod, hammock, cooler, grill,
  smoker, espresso machine, coffee maker, french press, water filter, lunch box, thermos, apron,
  sewing machine, drill, screwdriver, hammer, wrench, toolbox, ladder, wheelbarrow, hose, sprinkler,
  lawnmower, trimmer, bird feeder, doormat, clock, radio, turntable
`);

export const USES = words(`
  everyday carry, the home office, long commutes, weekend hikes, small kitchens, camping trips, the
  workshop, the garden, travel, the studio, gaming, reading nooks, busy families, cold mornings,
  summer evenings, the gym, the beach, rainy days, city living, road trips
`);

export const FEATURES = words(`
  a two-year warranty, USB-C charging, a lifetime guarantee, replaceable parts, a carry case,
  quick-release clips, a non-stick coating, dishwasher-safe parts, an auto shut-off, memory presets, a
  reinforced base, hidden storage, a braided cable, a magnetic lid, soft-close hinges, a touch panel,
  an app companion, a spare filter, tool-free assembly, a removable liner, a stain-resistant finish,
  adjustable straps, a leak-proof seal, a timer, three speed settings, a sealed bearing, an ambient
  sensor, Bluetooth pairing, a fold-flat design, a cushioned grip
`);

export const CLOSINGS = words(`
  Built to last., Designed in Scandinavia., Loved by our customers., Ships in recyclable packaging.,
  Backed by friendly support., A gift they will use every day., Made in small batches., Tested in the
  field., Easy to clean., Assembled by hand.
`);
