import { Money, PageRequest, Product, ProductId } from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../app-dependencies';
import { presentProduct } from '../presenters/product.presenter';
import { IdParams } from '../schemas/common.schemas';
import {
  AdjustStockBody,
  CreateProductBody,
  ProductResponse,
  ProductSearchQuery,
  ProductSearchResponse,
  StockResponse,
} from '../schemas/product.schemas';
import { findExisting } from '../use-cases/shared/find-existing';

/** The catalogue is public to read (there is no products:read permission); writing needs products:write. */
export function productsRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { products } = ctx.repositories;
  return async (app) => {
    app.post(
      '/products',
      {
        config: { access: ['products:write'] },
        schema: {
          operationId: 'createProduct',
          tags: ['products'],
          summary: 'Add a product to the catalogue',
          body: CreateProductBody,
          response: { 201: ProductResponse },
        },
      },
      async (request, reply) => {
        const { sku, name, description, price, currency, stock } = request.body;
        const product = Product.create({
          sku,
          name,
          description,
          price: Money.of(price, currency),
          stock,
          now: ctx.clock.now(),
        });
        await products.save(product);
        return reply.code(201).send(presentProduct(product));
      },
    );

    app.get(
      '/products/search',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'searchProducts',
          tags: ['products'],
          summary: 'Full-text search over names and descriptions, best first, in-stock products only',
          querystring: ProductSearchQuery,
          response: { 200: ProductSearchResponse },
        },
      },
      async (request) => {
        const { q, limit, offset } = request.query;
        const hits = await ctx.readsFor(request).products.search(q, PageRequest.of({ limit, offset }));
        return { items: hits.map((hit) => ({ ...presentProduct(hit.product), rank: hit.rank })) };
      },
    );

    app.get(
      '/products/:id',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'getProduct',
          tags: ['products'],
          summary: 'A product',
          params: IdParams,
          response: { 200: ProductResponse },
        },
      },
      async (request) => {
        const { id } = request.params;
        const reads = ctx.readsFor(request).products;
        return presentProduct(await findExisting('Product', id, reads.findById(ProductId.of(id))));
      },
    );

    app.patch(
      '/products/:id/stock',
      {
        config: { access: ['products:write'] },
        schema: {
          operationId: 'adjustStock',
          tags: ['products'],
          summary: 'Add to or take from the stock atomically; it never goes below zero',
          params: IdParams,
          body: AdjustStockBody,
          response: { 200: StockResponse },
        },
      },
      async (request) => {
        const stock = await products.adjustStock(ProductId.of(request.params.id), request.body.delta);
        return { id: request.params.id, stock };
      },
    );
  };
}
