import { RoutingModule } from '../routing/routing.module';
import { Global, Module } from '@nestjs/common';
import { ContactLog, TypeormContactLog } from '@hotline/persistence';
import { DataSource } from 'typeorm';
import { PreferredAgentPolicy } from '../routing/preferred-agent.policy';
import { TwilioModule } from '../twilio/twilio.module';
import { AnswerSurvey } from './answer-survey.use-case';
import { BuildFcrReport } from './build-fcr-report.use-case';
import { BuildTierReport } from './build-tier-report.use-case';
import { CallsController } from './calls.controller';
import { CaseOwnershipPolicy } from './case-ownership.policy';
import { ContactHistory } from './contact-history';
import { ContactProjector } from './contact-projector';
import { CreateCustomer } from './create-customer.use-case';
import { CsvBodyParser } from './csv-body.parser';
import { CustomerRules } from './customer-rules';
import { CustomersController } from './customers.controller';
import { GetCustomer } from './get-customer.use-case';
import { ImportCustomers } from './import-customers.use-case';
import { RecordDisposition } from './record-disposition.use-case';
import { ReportsController } from './reports.controller';
import { SearchCustomers } from './search-customers.use-case';
import { ShowCallerProfile } from './show-caller-profile.use-case';
import { SurveyPolicy } from './survey-policy';
import { SurveyWebhookController } from './survey-webhook.controller';
import { TierPolicy } from './tier-policy';
import { UpdateCustomer } from './update-customer.use-case';

/**
 * Customers and tiers, contacts and cases, dispositions, the post-call survey and the FCR and tier
 * reports. Global, so that the routing finds the survey policy and, as its preferred-agent policy,
 * case ownership without importing this module.
 */
@Global()
@Module({
  imports: [TwilioModule, RoutingModule],
  controllers: [CustomersController, CallsController, ReportsController, SurveyWebhookController],
  providers: [
    {
      provide: ContactLog,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new TypeormContactLog(dataSource),
    },
    CsvBodyParser,
    TierPolicy,
    CustomerRules,
    CreateCustomer,
    UpdateCustomer,
    GetCustomer,
    SearchCustomers,
    ImportCustomers,
    RecordDisposition,
    ContactHistory,
    ContactProjector,
    ShowCallerProfile,
    BuildFcrReport,
    BuildTierReport,
    AnswerSurvey,
    SurveyPolicy,
    { provide: PreferredAgentPolicy, useClass: CaseOwnershipPolicy },
  ],
  exports: [SurveyPolicy, PreferredAgentPolicy],
})
export class CrmModule {}
