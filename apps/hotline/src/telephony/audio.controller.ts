import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { holdMusicWav } from './hold-music';

/** Media Twilio plays to callers. Public: Twilio fetches it without credentials. */
@ApiTags('telephony')
@Controller('audio')
export class AudioController {
  private readonly holdMusic = holdMusicWav();

  @Public()
  @Get('hold.wav')
  @Header('content-type', 'audio/wav')
  @Header('cache-control', 'public, max-age=86400')
  hold(): Buffer {
    return this.holdMusic;
  }
}
