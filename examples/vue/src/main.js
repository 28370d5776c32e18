import { createApp } from 'vue';
import TeamPage from './TeamPage.vue';

createApp(TeamPage).mount('#app');
