import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CallerProfileView, DispositionView } from '@hotline/contracts';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { Principal } from '../auth/token.service';
import { RecordDisposition } from './record-disposition.use-case';
import { ShowCallerProfile } from './show-caller-profile.use-case';

/** The guard has set the principal on every route that names roles. */
const principalOf = (request: AuthenticatedRequest): Principal => request.principal as Principal;

@ApiTags('calls')
@ApiBearerAuth()
@Controller('api/calls/:callSid')
export class CallsController {
  constructor(
    private readonly recordDisposition: RecordDisposition,
    private readonly showCallerProfile: ShowCallerProfile,
  ) {}

  @Roles('agent')
  @Post('disposition')
  dispose(
    @Param('callSid') callSid: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<DispositionView> {
    return this.recordDisposition.execute(callSid, principalOf(request).userId, body);
  }

  @Roles('agent', 'supervisor', 'admin')
  @Get('profile')
  profile(
    @Param('callSid') callSid: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<CallerProfileView> {
    return this.showCallerProfile.execute(callSid, principalOf(request));
  }
}
