import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CreateUserRequest } from '../auth/auth.dto';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class AgentQueueDto {
  @ApiProperty({ example: 'billing' })
  @IsString()
  queue!: string;

  @ApiProperty({ required: false, default: 1, description: '1 is served first' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  priority?: number;

  @ApiProperty({ required: false, default: 0, description: 'take callers only after they waited this long' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  delaySeconds?: number;

  @ApiProperty({ required: false, default: 1, description: 'proficiency: 1 is the best' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  level?: number;
}

export class AgentProfileRequest {
  @ApiProperty({ required: false, description: 'defaults to the skills of the queues served' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  skills?: string[];

  @ApiProperty({ type: [AgentQueueDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgentQueueDto)
  queues!: AgentQueueDto[];
}

/** An agent account: the sign-in of a user (with the agent role) and their routing profile. */
export class CreateAgentRequest extends IntersectionType(
  PickType(CreateUserRequest, ['username', 'password', 'displayName'] as const),
  AgentProfileRequest,
) {}

export class ChangeStateRequest {
  @ApiProperty({ enum: ['available', 'away', 'offline'] })
  @IsIn(['available', 'away', 'offline'])
  state!: 'available' | 'away' | 'offline';

  @ApiProperty({ required: false, description: 'reason code, required for away' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  reason?: string;
}
