import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
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

export class CreateAgentRequest extends AgentProfileRequest {
  @ApiProperty({ example: 'alice', description: 'also the softphone identity: letters, digits and _' })
  @Matches(/^[A-Za-z0-9_]{2,64}$/)
  username!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: 'Alice Chen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;
}

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
