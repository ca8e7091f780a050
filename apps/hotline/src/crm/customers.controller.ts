import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CUSTOMER_IMPORT_MODES,
  CustomerImportMode,
  CustomerImportReport,
  CustomerPage,
  CustomerView,
} from '@hotline/contracts';
import { Roles } from '../auth/roles.decorator';
import { DomainError } from '../shared/domain-error';
import { CreateCustomer } from './create-customer.use-case';
import { GetCustomer } from './get-customer.use-case';
import { ImportCustomers } from './import-customers.use-case';
import { SearchCustomers, type CustomerSearchQuery } from './search-customers.use-case';
import { UpdateCustomer } from './update-customer.use-case';

function plainObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('CUSTOMER.INVALID', 'The body must be a JSON object', 400, { problems: [] });
  }
  return body as Record<string, unknown>;
}

/** The CSV of an import: a text/csv body, or a JSON body `{ "csv": "…" }`. */
function csvOf(request: FastifyRequest): string {
  const body = request.body;
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && body !== null && typeof (body as { csv?: unknown }).csv === 'string') {
    return (body as { csv: string }).csv;
  }
  throw new DomainError(
    'CUSTOMER_IMPORT.BAD_FILE',
    'Send the CSV as a text/csv body or as JSON {"csv": "…"}',
    400,
  );
}

function importMode(mode: string | undefined): CustomerImportMode {
  if (mode === undefined) return 'all-or-nothing';
  if ((CUSTOMER_IMPORT_MODES as readonly string[]).includes(mode)) return mode as CustomerImportMode;
  throw new DomainError(
    'CUSTOMER_IMPORT.BAD_MODE',
    `mode must be one of ${CUSTOMER_IMPORT_MODES.join(', ')}`,
    400,
  );
}

/**
 * Customers are kept by supervisors and admins; agents may look them up. Bodies are checked by
 * the CRM's own rules (the same ones CSV rows are checked by), so they are read as plain JSON.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/customers')
export class CustomersController {
  constructor(
    private readonly createCustomer: CreateCustomer,
    private readonly updateCustomer: UpdateCustomer,
    private readonly getCustomer: GetCustomer,
    private readonly searchCustomers: SearchCustomers,
    private readonly importCustomers: ImportCustomers,
  ) {}

  @Roles('admin', 'supervisor')
  @Post()
  create(@Body() body: unknown): Promise<CustomerView> {
    return this.createCustomer.execute(plainObject(body));
  }

  @Roles('admin', 'supervisor')
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'CSV with the columns phone, name[, language, tier, value, notes]' })
  @Post('import')
  @HttpCode(200)
  import(@Req() request: FastifyRequest, @Query('mode') mode?: string): Promise<CustomerImportReport> {
    return this.importCustomers.execute(csvOf(request), importMode(mode));
  }

  @Roles('admin', 'supervisor', 'agent')
  @Get()
  search(@Query() query: CustomerSearchQuery): Promise<CustomerPage> {
    return this.searchCustomers.execute(query);
  }

  @Roles('admin', 'supervisor', 'agent')
  @Get(':id')
  get(@Param('id') id: string): Promise<CustomerView> {
    return this.getCustomer.execute(id);
  }

  @Roles('admin', 'supervisor')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown): Promise<CustomerView> {
    return this.updateCustomer.execute(id, plainObject(body));
  }
}
