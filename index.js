// Entry point of the published package (copied into dist/ by gulp, hence the paths). n8n itself
// loads nodes and credentials through package.json's "n8n" block; this lets code that requires
// the package reach the same classes.
module.exports = {
	...require('./credentials/SimplyMeetApi.credentials'),
	...require('./credentials/AirmeetApi.credentials'),
	...require('./nodes/SimplyMeet/SimplyMeet.node'),
	...require('./nodes/SimplyMeet/SimplyMeetTrigger.node'),
	...require('./nodes/Airmeet/Airmeet.node'),
	...require('./nodes/Airmeet/AirmeetTrigger.node'),
};
